/** Prettier defaults; this file exists so editors and CI agree. */
export default {};
