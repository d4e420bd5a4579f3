// Behaviour the templates ask for with data- attributes: the Content-Security-Policy allows no inline
// script or event handler, so every page's script lives in static files like this one.
(function () {
  'use strict';

  function controls(form) {
    var rows = form.getAttribute('data-fz-rows');
    form.querySelectorAll('input:not([type=checkbox]):not([type=hidden]):not([type=radio]), select, textarea').forEach(function (el) {
      el.classList.add(el.tagName === 'SELECT' ? 'form-select' : 'form-control');
    });
    form.querySelectorAll('input[type=checkbox]').forEach(function (el) { el.classList.add('form-check-input'); });
    if (rows) form.querySelectorAll('textarea').forEach(function (el) { el.rows = parseInt(rows, 10); });
    if (form.hasAttribute('data-fz-numeric')) {
      form.querySelectorAll('input[type=number]').forEach(function (el) { el.setAttribute('inputmode', 'numeric'); });
    }
  }

  function init(root) {
    root.querySelectorAll('form[data-fz-controls]').forEach(controls);
  }

  document.addEventListener('change', function (event) {
    var el = event.target;
    if (el.matches && el.matches('select[data-fz-autosubmit]') && el.form) el.form.submit();
  });
  document.addEventListener('click', function (event) {
    var el = event.target.closest ? event.target.closest('[data-fz-back], button[data-fz-confirm]') : null;
    if (!el) return;
    if (el.hasAttribute('data-fz-back')) {
      event.preventDefault();
      history.back();
    } else if (!window.confirm(el.getAttribute('data-fz-confirm'))) {
      event.preventDefault();
    }
  });
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.hasAttribute('data-fz-confirm') && !window.confirm(form.getAttribute('data-fz-confirm'))) {
      event.preventDefault();
    }
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(document); });
  } else {
    init(document);
  }
  document.addEventListener('htmx:afterSwap', function (event) { init(event.target); });
})();
