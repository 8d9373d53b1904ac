// Tailwind class lists that several components share, so a restyle of
// buttons, panels, notices or form controls is one edit. Colours, radii and
// font sizes are the theme tokens in app/globals.css.

const buttonShape =
  "min-h-10 cursor-pointer rounded-lg border px-4 py-2 disabled:cursor-not-allowed disabled:opacity-50";

export const button = `${buttonShape} border-line bg-transparent text-fg`;

export const primaryButton = `${buttonShape} border-accent bg-accent font-semibold text-accent-fg`;

export const panel = "rounded-panel border border-line bg-surface p-4";

export const panelHeading = "mb-3 text-[1.05rem] font-bold";

const notice = "mb-3 rounded-md border-l-4 p-3";

export const errorNotice = `${notice} border-danger bg-danger/10`;

export const warningNotice = `${notice} border-warn bg-warn/10`;

/** Inputs, selects and textareas of the generated controls. */
export const formControl =
  "min-h-9 rounded-md border border-line bg-page px-2 py-1 text-fg aria-invalid:border-danger";

export const helpText = "text-note text-muted";

export const problemText = "text-note text-danger";

export const buttonRow = "flex flex-wrap gap-2";

/** The page's two columns from 800 px: the stage, and the panels beside it. */
export const session =
  "grid gap-4 min-[800px]:grid-cols-[2fr_1fr] min-[800px]:items-start";

export const stage =
  "relative aspect-video overflow-hidden rounded-panel bg-black min-[800px]:row-span-2";

export const stagePlaceholder =
  "absolute inset-0 grid place-items-center bg-black p-4 text-center text-muted";

export const statusLine = "mb-3 flex items-center gap-2 font-semibold";

/** Coloured by phase where it is used. */
export const statusDot = "size-[0.7rem] rounded-full";
