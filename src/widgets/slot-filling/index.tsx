export { default } from './SlotFilling';
