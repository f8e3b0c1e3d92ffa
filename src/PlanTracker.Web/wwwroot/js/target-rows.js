// "Thêm chỉ tiêu": another blank target row, numbered after the last. Without script the form keeps
// its blank rows, so nothing depends on this.
(function () {
  'use strict';
  document.querySelectorAll('[data-target-rows]').forEach(function (set) {
    var add = set.querySelector('[data-add-target]');
    add.hidden = false;
    add.addEventListener('click', function () {
      var rows = set.querySelectorAll('[data-target-row]');
      var last = rows[rows.length - 1];
      var next = rows.length;
      var copy = last.cloneNode(true);
      copy.querySelectorAll('[name],[id],[for]').forEach(function (el) {
        ['name', 'id', 'for'].forEach(function (attr) {
          var v = el.getAttribute(attr);
          if (v) el.setAttribute(attr, v.replace(/\[\d+\]/, '[' + next + ']').replace(/^target-\d+/, 'target-' + next));
        });
        if (el.type === 'checkbox') el.checked = false;
        else if (el.tagName === 'INPUT' && el.type !== 'hidden') el.value = '';
        else if (el.type === 'hidden') el.value = '';
      });
      copy.querySelectorAll('.field-error').forEach(function (e) { e.textContent = ''; });
      last.after(copy);
      copy.querySelector('input').focus();
    });
  });
})();
