// Tailwind CSS 4 through PostCSS, as create-next-app sets it up; Next's
// build (Turbopack in dev and build) picks this file up by name.
const config = {
  plugins: { "@tailwindcss/postcss": {} },
};

export default config;
