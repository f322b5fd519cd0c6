import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLang } from '../app/api';
import { en } from './en';
import { id, type MessageKey } from './id';

export type Lang = 'id' | 'en';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const STORAGE_KEY = 'beranda.lang';
const catalogs: Record<Lang, Record<MessageKey, string>> = { id, en };

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

interface I18n {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    setApiLang(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    setApiLang(l);
    document.documentElement.lang = l;
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const t: Translate = (key, params = {}) =>
      (catalogs[lang][key] ?? id[key]).replace(/\{(\w+)\}/g, (_, n: string) => String(params[n] ?? `{${n}}`));
    return { lang, t, setLang };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
