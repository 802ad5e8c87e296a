export { default } from './MlpVsRnn';
