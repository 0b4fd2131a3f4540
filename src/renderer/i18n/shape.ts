/** The German texts must have exactly the keys of the English ones (checked at compile time). */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
