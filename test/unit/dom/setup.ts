/** What jsdom doesn't do and the renderer calls. Scrolling into view: nothing to scroll here. */
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

/** jsdom has dialogs but not their modal methods: open and close them as the attribute says. */
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
  this.dispatchEvent(new Event('close'));
};
