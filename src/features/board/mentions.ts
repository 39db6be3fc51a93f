// @mentions in a post: `@表示名` (an account's display name) or `@名寄市` / `@北海道名寄市` (every
// active account of that local government). Pure: finding the names in a text; resolving them is
// recipients.ts's loader.

/** Characters that end a mention: spaces, punctuation and brackets (Japanese and ASCII). */
const mentionPattern = /(?:^|[^\p{L}\p{N}_.@])@([^\s@、。，．,.!?！？:：;；（）()「」『』【】<>\[\]"'`*_~]{1,30})/gu;

/** The distinct names mentioned in a Markdown body, in order of appearance (at most 20). */
export function mentionedNames(body: string): string[] {
  // Code spans and blocks are not mentions (a pasted e-mail header, an example).
  const text = body.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');
  const names: string[] = [];
  for (const m of text.matchAll(mentionPattern)) {
    const name = m[1]!.normalize('NFKC');
    if (!names.includes(name)) names.push(name);
    if (names.length === 20) break;
  }
  return names;
}
