import { Fragment } from 'react';

/** Text with matches between \u0002 and \u0003 from the core, shown as <mark> — never as HTML. */
export function Marked({ text }: { text: string }) {
  return (
    <>
      {text.split('\u0002').map((chunk, i) => {
        if (i === 0) return <Fragment key={i}>{chunk}</Fragment>;
        const [hit, rest] = chunk.split('\u0003');
        return (
          <Fragment key={i}>
            <mark>{hit}</mark>
            {rest}
          </Fragment>
        );
      })}
    </>
  );
}
