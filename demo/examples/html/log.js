// The host page's own script: the kit's events bubble to the document.
document.addEventListener('codat-disconnect', (event) => {
  const item = document.createElement('li');
  item.textContent = `Disconnected ${event.detail.connectionId}`;
  document.querySelector('#log').append(item);
});
