/** Prettier defaults; this file exists so editors and CI agree. */
const config = {};

export default config;
