import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { dates } from './lib/dates.svelte.ts';
import { theme } from './lib/theme.svelte.ts';

theme.apply();
// Dates render in English until the user's locale has loaded; waiting avoids a flicker.
await dates.load();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
