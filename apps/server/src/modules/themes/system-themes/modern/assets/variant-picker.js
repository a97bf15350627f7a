/* global document, location, history */
// Variant picker: each option value is a link to `?variant=<id>` (works without script); this
// switches price, availability and the buy button in place and keeps the URL shareable.
(function () {
  var picker = document.querySelector('[data-variant-picker]');
  var data = picker && picker.querySelector('[data-variants]');
  if (!data) return;
  var variants = JSON.parse(data.textContent || '[]');
  var root = picker.closest('[data-product]') || document;
  var byId = {};
  variants.forEach(function (v) {
    byId[v.id] = v;
  });
  function pick(current, index, value) {
    var same = variants.filter(function (v) {
      return (
        v.options[index] === value &&
        v.options.every(function (o, i) {
          return i === index || o === current.options[i];
        })
      );
    })[0];
    return (
      same ||
      variants.filter(function (v) {
        return v.options[index] === value;
      })[0]
    );
  }
  function show(variant) {
    picker.querySelectorAll('[data-option]').forEach(function (link) {
      var index = Number(link.getAttribute('data-option'));
      var value = link.getAttribute('data-value');
      var target = pick(variant, index, value);
      if (target) link.href = target.url;
      link.classList.toggle('is-unavailable', !target || !target.available);
      if (variant.options[index] === value) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    });
    root.querySelectorAll('[data-price-current]').forEach(function (el) {
      el.textContent = variant.price_formatted;
    });
    root.querySelectorAll('[data-price-compare]').forEach(function (el) {
      el.textContent = variant.compare_at_price_formatted;
      el.hidden = !variant.compare_at_price_formatted;
    });
    root.querySelectorAll('[data-when-available]').forEach(function (el) {
      el.hidden = !variant.available;
      if (el.hasAttribute('href')) el.href = variant.order_url;
    });
    root.querySelectorAll('[data-when-sold-out]').forEach(function (el) {
      el.hidden = variant.available;
    });
    root.querySelectorAll('[data-variant-title]').forEach(function (el) {
      el.textContent = variant.title;
    });
  }
  picker.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-option]');
    if (!link) return;
    var id = new URL(link.href, location.href).searchParams.get('variant');
    var variant = id && byId[id];
    if (!variant) return;
    event.preventDefault();
    show(variant);
    history.replaceState(null, '', link.href);
  });
})();
