/** Vite handles CSS side-effect imports. */
declare module '*.css'
