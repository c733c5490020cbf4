export * from './corners';
export * from './models';
export * from './scores';
export * from './dates';
export * from './commitments';
export * from './disclosure';
export * from './metrics';
export * from './calendar';
