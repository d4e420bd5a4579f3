// Suggest the themed day (and its theme) from the date, unless the user has chosen one themselves.
(function () {
  var source = document.getElementById('themed-days');
  if (!source) return;
  var days = JSON.parse(source.textContent);
  var date = document.getElementById('id_date'), day = document.getElementById('id_themed_day'), theme = document.getElementById('id_theme');
  if (!date || !day) return;
  var touched = false;
  day.addEventListener('change', function () { touched = true; });
  date.addEventListener('change', function () {
    if (touched) return;
    var found = days[date.value];
    day.value = found ? found[0] : '';
    if (found && theme) theme.value = found[1];
  });
})();
