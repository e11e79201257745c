/** The answers the Traffic panel offers a callee, with the reason phrases it shows (RFC 3261 21). */

/** Reason phrases of the codes an agent may be shown answering with. */
export const REASON_OF: Readonly<Record<number, string>> = {
  200: "OK",
  302: "Moved Temporarily",
  404: "Not Found",
  408: "Request Timeout",
  480: "Temporarily Unavailable",
  486: "Busy Here",
  487: "Request Terminated",
  503: "Service Unavailable",
  603: "Decline",
};

/** The "Answer with" choices: value (an agent row's `answer`) and label. */
export const ANSWER_CHOICES: readonly { value: string; label: string }[] = [
  { value: "200", label: "200 OK" },
  { value: "486", label: "486 Busy Here" },
  { value: "never", label: "no answer" },
];

/** The label of an answer the choices may not list (a file's 603, `down`). */
export function answerChoiceLabel(answer: string): string {
  if (answer === "never") return "no answer";
  if (answer === "down") return "nothing (down)";
  const code = Number(answer);
  return REASON_OF[code] ? `${code} ${REASON_OF[code]}` : answer;
}
