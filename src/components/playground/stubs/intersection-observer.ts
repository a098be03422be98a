// Stands in for the IntersectionObserver polyfill Sandpack bundles: every browser we support has it.
export {};
