export { default } from './Classifier';
