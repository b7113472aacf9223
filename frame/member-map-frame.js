// member-map-frame.js, for a page that embeds frame.html in an <iframe>: sets every such iframe to the
// height its map asks for (the list is taller than the map). Optional: without it, the iframe keeps
// its `height` and the list scrolls inside the frame. A classic script without dependencies; loaded
// twice, it sets the same heights twice. The build puts the licence comment above this.
(function () {
  var TYPE = 'member-map:height';

  function frames() {
    return [].filter.call(document.getElementsByTagName('iframe'), function (frame) {
      return /\/frame\.html$/.test(address(frame).pathname);
    });
  }

  function address(frame) {
    try {
      return new URL(frame.src);
    } catch (error) {
      return new URL('about:blank');
    }
  }

  // Only the window inside one of those iframes, from that iframe's own origin, and only a sane number.
  window.addEventListener('message', function (event) {
    var data = event.data;
    var height = data && data.type === TYPE ? data.height : null;
    if (typeof height !== 'number' || !(height >= 100 && height <= 10000)) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow === event.source && address(frame).origin === event.origin) {
        frame.style.height = Math.ceil(height) + 'px';
      }
    });
  });

  // Frames that started before this script did have told their height already: ask again.
  frames().forEach(function (frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: TYPE + '-request' }, '*');
  });
})();
