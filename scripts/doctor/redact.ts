/*
 * The doctor handles the API key and a freshly minted JWT. Neither is ever
 * put into a result on purpose; this is the last pass over everything it
 * prints, in case an upstream message or an exception quoted one.
 */
export class Secrets {
  private readonly values = new Set<string>();
  private readonly labels = new Map<string, string>();

  add(value: string | undefined, label: string): void {
    const trimmed = value?.trim();
    // Too short to be a secret, and masking it would garble ordinary words.
    if (!trimmed || trimmed.length < 8) return;
    this.values.add(trimmed);
    this.labels.set(trimmed, label);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a token that contains the key is masked whole.
    for (const value of [...this.values].sort((a, b) => b.length - a.length)) {
      out = out.replaceAll(value, `[${this.labels.get(value) ?? "secret"}]`);
    }
    // Any JWT-shaped string at all (three base64url parts, the first a JSON header).
    return out.replace(/eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g, "[redacted JWT]");
  }
}
