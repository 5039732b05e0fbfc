import { createApp } from 'carve';
import { getGreeting } from './greetings/get-greeting.js';

// Every handler of the app; `carve build --shape …` decides how they are deployed.
export default createApp({ name: 'carve-app', handlers: [getGreeting] });
