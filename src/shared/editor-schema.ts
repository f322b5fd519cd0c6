import type { Extensions, JSONContent } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';

/** Links may point only to the web or to an email address; anything else is refused. */
export const ALLOWED_LINK = /^(https?:\/\/[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+)$/i;

export function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url.trim());
}

/** Images come from the workspace's attachments: "att:<sha256>". */
export const ATTACHMENT_SRC = /^att:[0-9a-f]{64}$/;

/** An image with alt text and a caption (rendered as a figure in exports). */
export const ReleaseImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: {
        default: '',
        parseHTML: (el: { getAttribute(name: string): string | null }) => el.getAttribute('data-caption') ?? '',
        renderHTML: (attrs: { caption?: string }) => (attrs.caption ? { 'data-caption': attrs.caption } : {}),
      },
    };
  },
}).configure({ inline: false, allowBase64: false });

/**
 * The one extension list: the renderer edits with it and the core renders HTML from stored JSON
 * with it, so what is shown and what is exported agree. Only what a release needs is allowed.
 */
export function releaseExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['mailto'],
        isAllowedUri: (url) => isAllowedLink(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    ReleaseImage,
  ];
}

export type DocJSON = JSONContent;

export function emptyDoc(): DocJSON {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

export function paragraphs(...texts: string[]): DocJSON {
  return { type: 'doc', content: texts.map((t) => (t ? { type: 'paragraph', content: [{ type: 'text', text: t }] } : { type: 'paragraph' })) };
}
