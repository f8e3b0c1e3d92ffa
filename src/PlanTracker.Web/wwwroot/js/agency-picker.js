// The agency picker's search: typed with or without accents ("uy ban" finds "Ủy ban"), it hides what
// does not match; for several agencies it lists what is chosen above the list. The page works without it.
(function () {
  'use strict';
  function fold(text) {
    return text.replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .toLowerCase().replace(/[^a-z0-9&]+/g, ' ').trim();
  }
  function matches(key, words) {
    for (var i = 0; i < words.length; i++) if (key.indexOf(words[i]) < 0) return false;
    return true;
  }
  function setUp(picker) {
    var search = picker.querySelector('[data-picker-search]');
    var chosen = picker.querySelector('[data-picker-chosen]');
    var boxes = picker.querySelectorAll('input[type=checkbox]');
    search.hidden = false;
    function showChosen() {
      if (!chosen) return;
      var names = [];
      boxes.forEach(function (b) { if (b.checked) names.push(b.parentElement.getAttribute('data-name')); });
      chosen.textContent = names.length ? picker.getAttribute('data-chosen-label') + ' (' + names.length + '): ' + names.join('; ') : '';
    }
    search.addEventListener('input', function () {
      var words = fold(search.value).split(' ').filter(Boolean);
      // Check boxes carry their key (name, short name, aliases); a select's options are folded from their text.
      picker.querySelectorAll('label[data-key], option').forEach(function (item) {
        if (item.tagName === 'OPTION' && item.value === '') return;
        var key = item.getAttribute('data-key') || fold(item.textContent + ' ' + (item.title || ''));
        var chosen = item.tagName === 'OPTION' ? item.selected : !!item.querySelector('input:checked');
        item.hidden = words.length > 0 && !matches(key, words) && !chosen;
      });
      picker.querySelectorAll('[data-picker-section]').forEach(function (section) {
        section.hidden = !section.querySelector('label:not([hidden])');
      });
      picker.querySelectorAll('optgroup').forEach(function (group) {
        group.hidden = !group.querySelector('option:not([hidden])');
      });
    });
    boxes.forEach(function (b) { b.addEventListener('change', showChosen); });
    showChosen();
  }
  document.querySelectorAll('[data-agency-picker]').forEach(setUp);
})();
