export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** "median 812 ms (min 790, max 901, n=15)" */
export function summary(xs, unit = "ms", digits = 0) {
  const f = (x) => x.toFixed(digits);
  return `median ${f(median(xs))} ${unit} (min ${f(Math.min(...xs))}, max ${f(Math.max(...xs))}, n=${xs.length})`;
}

/** A positive whole number from the environment, else `fallback`. */
export function envCount(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of 1 or more.`);
  }
  return value;
}
