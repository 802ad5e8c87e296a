export { default } from './ElmanJordan';
