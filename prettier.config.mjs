/**
 * Prettier defaults, plus Tailwind's class sorting (the order its docs and
 * create-next-app use); the plugin reads the theme from app/globals.css.
 * This file exists so editors and CI agree.
 */
const config = {
  plugins: ["prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./app/globals.css",
};

export default config;
