/**
 * Makes everything on the page but `element` (and its ancestors) inert, as a modal dialog needs:
 * no focus, no clicks, out of the accessibility tree. Returns the undo. The element stays where it
 * is in the DOM, which matters for an iframe: moving one reloads it.
 */
export function inertOutside(element: HTMLElement): () => void {
  const made: HTMLElement[] = [];
  for (let node: HTMLElement | null = element; node && node !== document.body;) {
    const parent: HTMLElement | null = node.parentElement;
    for (const sibling of parent ? Array.from(parent.children) : []) {
      if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert) {
        sibling.inert = true;
        made.push(sibling);
      }
    }
    node = parent;
  }
  return () => {
    for (const sibling of made) sibling.inert = false;
  };
}
