import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

// Links open elsewhere, tell the target nothing and pass no ranking; images are never loaded
// (a remote image would tell its host who read the note): their alt text is shown instead.
const components: Components = {
  a: ({ href, children }) => (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="text-sky-700 underline"
    >
      {children}
    </a>
  ),
  img: ({ alt }) => <span className="text-slate-500">[image: {alt || 'no description'}]</span>,
};

/**
 * A note's body: plain text or Markdown. Raw HTML is never rendered: without rehype-raw,
 * react-markdown shows it as the text it is (people paste HTML answers while debugging), its URL
 * filter empties `javascript:` and other unsafe links, and everything else is React text.
 */
export function NoteBody({ body }: { body: string }) {
  return (
    <div className="prose-note space-y-2 break-words text-sm text-slate-800 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {body}
      </ReactMarkdown>
    </div>
  );
}
