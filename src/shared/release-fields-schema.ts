import { z } from 'zod';
import { VERDICTS, type ReleaseFields, type ReleaseKind } from './release-kinds';

const text = (max: number) => z.string().max(max);
const day = z.iso.date().nullable();
const contact = z.object({ name: text(100), phone: text(50), email: text(200) });

export const fieldSchemas = {
  siaran_pers: z.object({
    embargoAt: z.iso.datetime().nullable(),
    eventDate: day,
    withNumber: z.boolean(),
    contact,
    boilerplate: text(3000),
  }),
  klarifikasi: z.object({
    claim: text(3000),
    verdict: z.enum(VERDICTS).nullable(),
    sources: z.array(z.object({ title: text(300), url: text(2000) })).max(50),
    withNumber: z.boolean(),
    contact,
    caseId: z.number().int().positive().optional(),
  }),
  hak_jawab: z.object({
    outlet: text(200),
    articleTitle: text(500),
    articleUrl: text(2000),
    articleDate: day,
    sentAt: day,
    printed: z.boolean(),
    printedAt: day,
    withNumber: z.boolean(),
    contact,
  }),
} satisfies Record<ReleaseKind, z.ZodType<ReleaseFields>>;
