/**
 * The Monaco editor with Kamailio language support (loaded lazily by EditorPane): one editor,
 * the tab's model in it. All the work is in use-monaco-editor.ts and the files it uses.
 */
import { useRef } from "react";
import { useMonacoEditor } from "./use-monaco-editor.js";

export default function MonacoEditor() {
  const host = useRef<HTMLDivElement>(null);
  useMonacoEditor(host);
  return <div ref={host} className="monaco-host" style={{ width: "100%", height: "100%" }} />;
}
