import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { attachmentUrl } from './attachments';

/** An image inside the editor, with its alt text and caption edited in place. */
export function ImageView({ node, updateAttributes, selected, editor }: ReactNodeViewProps) {
  const { t } = useI18n();
  const src = String(node.attrs.src ?? '');
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    attachmentUrl(src).then((u) => live && setUrl(u), () => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [src]);
  const editable = editor.isEditable;
  return (
    <NodeViewWrapper className={`figure${selected ? ' figure--selected' : ''}`} data-drag-handle="">
      {url ? <img src={url} alt={String(node.attrs.alt ?? '')} /> : <div className="figure__missing">{failed ? t('editor.imageMissing') : t('common.loading')}</div>}
      <input
        className={`figure__alt${node.attrs.alt ? '' : ' figure__alt--missing'}`}
        placeholder={t('editor.altPlaceholder')}
        aria-label={t('editor.alt')}
        value={String(node.attrs.alt ?? '')}
        disabled={!editable}
        onChange={(e) => updateAttributes({ alt: e.target.value })}
      />
      <input
        className="figure__caption"
        placeholder={t('editor.captionPlaceholder')}
        aria-label={t('editor.caption')}
        value={String(node.attrs.caption ?? '')}
        disabled={!editable}
        onChange={(e) => updateAttributes({ caption: e.target.value })}
      />
    </NodeViewWrapper>
  );
}
