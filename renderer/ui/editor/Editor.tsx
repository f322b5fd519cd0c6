import { EditorContent, ReactNodeViewRenderer, useEditor, useEditorState, type Editor as TiptapEditor } from '@tiptap/react';
import DOMPurify from 'dompurify';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isAllowedLink, ReleaseImage, releaseExtensions, type DocJSON } from '../../../src/shared/editor-schema';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../Alert';
import { TextField } from '../Field';
import { Modal } from '../Modal';
import { uploadImage } from './attachments';
import { ImageView } from './ImageView';

/** The shared extension list, with images drawn by a React view that edits alt text and caption. */
function editorExtensions() {
  const image = ReleaseImage.extend({ addNodeView: () => ReactNodeViewRenderer(ImageView) });
  return [...releaseExtensions().filter((e) => e.name !== 'image'), image];
}

/**
 * Pasted HTML (Word, web pages) is sanitized, then reduced by the editor's schema to what a
 * release allows. Pasted images are dropped: remote images track readers, and every image must
 * come from the workspace's attachments.
 */
export function cleanPastedHtml(html: string): string {
  const withoutWordJunk = html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<\/?o:p[^>]*>/gi, '')
    .replace(/<style[\s\S]*?<\/style>/gi, '');
  return DOMPurify.sanitize(withoutWordJunk, {
    ALLOWED_TAGS: ['p', 'br', 'strong', 'b', 'em', 'i', 'a', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'span', 'div'],
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
}

interface Props {
  content: DocJSON;
  editable: boolean;
  /** Called on every change; read the document itself from the editor when it is needed. */
  onChange?(): void;
  onReady?(editor: TiptapEditor): void;
  label: string;
}

function Toolbar({ editor }: { editor: TiptapEditor }) {
  const { t } = useI18n();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkUrl, setLinkUrl] = useState('');
  const [linkError, setLinkError] = useState<string>();
  const [imageError, setImageError] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const chain = () => editor.chain().focus();
  const button = (label: string, active: boolean, run: () => void, opts: { disabled?: boolean; testId?: string } = {}) => (
    <button type="button" className={`tool${active ? ' tool--on' : ''}`} aria-pressed={active} aria-label={label} title={label} onMouseDown={(e) => e.preventDefault()} onClick={run} disabled={opts.disabled} data-testid={opts.testId}>
      {label}
    </button>
  );
  function saveLink(e: FormEvent) {
    e.preventDefault();
    const url = linkUrl.trim();
    if (!url) {
      chain().extendMarkRange('link').unsetLink().run();
      setLinkOpen(false);
      return;
    }
    if (!isAllowedLink(url)) return setLinkError(t('editor.linkInvalid'));
    chain().extendMarkRange('link').setLink({ href: url }).run();
    setLinkOpen(false);
  }
  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {button(t('editor.bold'), state.bold, () => chain().toggleBold().run())}
      {button(t('editor.italic'), state.italic, () => chain().toggleItalic().run())}
      <span className="toolbar__sep" />
      {button('H2', state.h2, () => chain().toggleHeading({ level: 2 }).run())}
      {button('H3', state.h3, () => chain().toggleHeading({ level: 3 }).run())}
      {button('•', state.bullet, () => chain().toggleBulletList().run())}
      {button('1.', state.ordered, () => chain().toggleOrderedList().run())}
      {button('❝', state.quote, () => chain().toggleBlockquote().run())}
      <span className="toolbar__sep" />
      {button(t('editor.link'), state.link, () => {
        setLinkUrl(String(editor.getAttributes('link').href ?? ''));
        setLinkError(undefined);
        setLinkOpen(true);
      })}
      {button(t('editor.image'), false, () => fileInput.current?.click())}
      <span className="toolbar__sep" />
      {button('↶', false, () => chain().undo().run(), { disabled: !state.canUndo })}
      {button('↷', false, () => chain().redo().run(), { disabled: !state.canRedo })}
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        hidden
        data-testid="editor-image-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setImageError(undefined);
          uploadImage(file).then(
            (src) => chain().setImage({ src, alt: '' }).run(),
            (err: Error) => setImageError(err.message),
          );
        }}
      />
      {imageError && <Alert kind="error">{imageError}</Alert>}
      {linkOpen && (
        <Modal title={t('editor.link')} onClose={() => setLinkOpen(false)}>
          <form onSubmit={saveLink}>
            <TextField label={t('editor.linkUrl')} hint={t('editor.linkHint')} value={linkUrl} onChange={setLinkUrl} error={linkError} autoFocus name="url" />
            <div className="actions">
              <button type="button" className="btn" onClick={() => setLinkOpen(false)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="btn btn--primary">
                {t('common.save')}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </div>
  );
}

export function Editor({ content, editable, onChange, onReady, label }: Props) {
  const changed = useRef(onChange);
  changed.current = onChange;
  const editor = useEditor({
    extensions: editorExtensions(),
    content,
    editable,
    immediatelyRender: true,
    // Our CSP forbids inline <style>; ProseMirror's base rules live in styles.css instead.
    injectCSS: false,
    // The toolbar subscribes to what it shows; the page around the editor must not re-render per keystroke.
    shouldRerenderOnTransaction: false,
    editorProps: {
      transformPastedHTML: cleanPastedHtml,
      attributes: { class: 'prose', 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true', lang: 'id' },
    },
    onUpdate: () => changed.current?.(),
  });
  useEffect(() => {
    if (editor) onReady?.(editor);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  useEffect(() => {
    // false: changing editability is not an edit of the text.
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);
  if (!editor) return null;
  return (
    <div className="editor">
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}
