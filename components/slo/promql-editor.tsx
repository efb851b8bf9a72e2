'use client';

import { useEffect, useRef } from 'react';
import { autocompletion } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';
import { useLatest } from '@/components/ui/use-latest';
import type { EditorHintsBody } from '@/lib/queries/schemas';
import { staticPromClient } from './promql-static-client';

export interface PromqlEditorProps {
  id: string;
  /** Accessible name: a contenteditable cannot be the target of <label for>. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Metric and label names offered by completion; nothing is asked of Prometheus. */
  services: readonly string[];
  /** The server mesh's metric and label names (from /api/mesh). */
  hints: EditorHintsBody;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * CodeMirror with PromQL highlighting and completion from a static client. The linter stays off:
 * `{{window}}` is not PromQL until the server substitutes it, so every query would be flagged.
 */
export default function PromqlEditor({ id, label, value, onChange, services, hints, ...aria }: PromqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useLatest(onChange);

  useEffect(() => {
    if (!host.current) return;
    const promql = new PromQLExtension().activateLinter(false).setComplete({ remote: staticPromClient(services, hints) });
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          promql.asExtension(),
          autocompletion(),
          syntaxHighlighting(defaultHighlightStyle),
          placeholder('sum(increase(metric{...}[{{window}}]))'),
          keymap.of([]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ id, 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', ...attrs(aria) }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // The editor owns its text after mount; re-creating it on each keystroke would lose the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, label, services, hints, aria['aria-invalid'], aria['aria-describedby']]);

  return <div ref={host} />;
}

function attrs(aria: { 'aria-invalid'?: boolean; 'aria-describedby'?: string }): Record<string, string> {
  const out: Record<string, string> = {};
  if (aria['aria-invalid']) out['aria-invalid'] = 'true';
  if (aria['aria-describedby']) out['aria-describedby'] = aria['aria-describedby'];
  return out;
}
