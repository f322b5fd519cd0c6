import { claimReview, draftClarification } from '../cases/clarification';
import { caseSettings, saveCaseConfig, setHolidays } from '../cases/config-service';
import { addFileEvidence, addUrlEvidence, exportEvidence } from '../cases/evidence';
import { caseBoard, caseStats, caseView, listCases, similarCases } from '../cases/queries';
import { createCase, loadCase, mergeCase, transitionCase, updateCase } from '../cases/service';
import { signedIn } from './signed-in';
import type { Method } from './contract';
import type { Handlers } from './handlers';


export const caseHandlers: Pick<Handlers, Extract<Method, `cases.${string}`>> = {
  'cases.create': ({ core, actor, input }) => caseView(core, signedIn(actor), createCase(core, signedIn(actor), input).id),
  'cases.update': ({ core, actor, input: { id, ...rest } }) => {
    const a = signedIn(actor);
    return caseView(core, a, updateCase(core, a, id, { ...rest, kind: loadCase(core, id).kind }).id);
  },
  'cases.get': ({ core, actor, input }) => caseView(core, signedIn(actor), input.id),
  'cases.list': ({ core, actor, input }) => listCases(core, signedIn(actor), input),
  'cases.board': ({ core, actor, input }) => caseBoard(core, signedIn(actor), input.kind),
  'cases.stats': ({ core, actor }) => caseStats(core, signedIn(actor)),
  'cases.transition': ({ core, actor, input }) => caseView(core, signedIn(actor), transitionCase(core, signedIn(actor), input).id),
  'cases.similar': ({ core, actor, input }) => similarCases(core, signedIn(actor), input.text, input.excludeId),
  'cases.merge': ({ core, actor, input }) => caseView(core, signedIn(actor), mergeCase(core, signedIn(actor), input.id, input.into).id),
  'cases.addUrlEvidence': ({ core, actor, input }) => {
    addUrlEvidence(core, signedIn(actor), input.id, input.url, input.name);
    return caseView(core, signedIn(actor), input.id);
  },
  'cases.addFileEvidence': ({ core, actor, input }) => {
    addFileEvidence(core, signedIn(actor), input.id, input.fileName, input.bytes);
    return caseView(core, signedIn(actor), input.id);
  },
  'cases.exportEvidence': ({ core, actor, input }) => exportEvidence(core, signedIn(actor), input.id),
  'cases.draftClarification': ({ core, actor, input }) => draftClarification(core, signedIn(actor), input.id),
  'cases.claimReview': ({ core, actor, input }) => claimReview(core, signedIn(actor), input.documentId),
  'cases.settings': ({ core, actor }) => caseSettings(core, signedIn(actor)),
  'cases.saveConfig': ({ core, actor, input }) => saveCaseConfig(core, signedIn(actor), input),
  'cases.setHolidays': ({ core, actor, input }) => setHolidays(core, signedIn(actor), input.add, input.remove),
};
