/**
 * Links that leave the app. One the app builds itself (a person's GitHub profile) names this
 * window target; every other link came from content — users' Markdown, an initiative's or an
 * issue's address, shown under a title — and the desktop app asks before opening it, showing
 * the full address. (In browser mode both simply open in a new tab, without an opener.)
 */
export const APP_LINK_TARGET = 'fortnight-app-link';
