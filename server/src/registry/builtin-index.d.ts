declare module 'model-lens:builtin-index' {
  const index: unknown;
  export default index;
}
