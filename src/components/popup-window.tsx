// A second browser window drawn by this one (a React portal into it), for the presenter view: it shares this
// window's state and database, so it follows the talk without messages and needs no second copy of the data (the
// stored database is single-writer, data/engine.ts). Stylesheets are copied over. Written here because the
// library for this (react-new-window 1.0) supports React only up to 18.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  /** The window's name: opening again reuses (and clears) the same window. */
  name: string;
  title: string;
  /** window.open features, e.g. "popup,width=1100,height=760". */
  features: string;
  /** Called once with the new window (for its keyboard), or with null when the browser blocked it. */
  onOpen: (win: Window | null) => void;
  /** The user closed the window (or it could not open). */
  onClose: () => void;
  children: ReactNode;
}

export function PopupWindow({ name, title, features, onOpen, onClose, children }: Props) {
  const [container, setContainer] = useState<HTMLElement | null>(null);
  const callbacks = useRef({ onOpen, onClose });
  callbacks.current = { onOpen, onClose };
  const titleRef = useRef(title);
  titleRef.current = title;

  useEffect(() => {
    const win = window.open('', name, features);
    if (!win) {
      callbacks.current.onOpen(null);
      callbacks.current.onClose();
      return;
    }
    let doc: Document | null = null;
    let root: HTMLElement | null = null;
    // Draws the window's page: its styles and an empty root for the portal. Run again if the browser replaces the
    // window's first blank document with another (it may, under load: seen in the e2e run), so the view comes back.
    const attach = () => {
      doc = win.document;
      doc.title = titleRef.current;
      doc.documentElement.lang = document.documentElement.lang;
      doc.head.replaceChildren(...[...document.querySelectorAll('link[rel="stylesheet"], style')].map((node) => node.cloneNode(true)));
      root = doc.createElement('div');
      doc.body.replaceChildren(root);
      setContainer(root);
    };
    attach();
    callbacks.current.onOpen(win);
    let done = false;
    const closed = () => { if (!done) { done = true; callbacks.current.onClose(); } };
    // Closing is noticed by looking: a window's pagehide also fires when its blank document is replaced.
    const watch = setInterval(() => {
      if (win.closed) closed();
      else if (win.document !== doc || !root?.isConnected) attach();
    }, 250);
    // When this window goes (reload, leaving the presentation), the presenter window goes with it.
    const leaving = () => win.close();
    addEventListener('pagehide', leaving);
    return () => {
      done = true;
      clearInterval(watch);
      removeEventListener('pagehide', leaving);
      setContainer(null);
      win.close();
    };
    // Opened once per mount: a new title or callbacks must not reopen the window.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, features]);

  useEffect(() => {
    if (container) container.ownerDocument.title = title;
  }, [container, title]);

  return container ? createPortal(children, container) : null;
}
