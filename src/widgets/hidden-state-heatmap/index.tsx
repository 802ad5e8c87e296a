export { default } from './HiddenStateHeatmap';
