// The assessment results: a bar chart of totals and a radar of one township's 一级 scores.
(function () {
  var data = JSON.parse(document.getElementById('assessment-data').textContent);
  if (!window.echarts) return;
  var bar = document.getElementById('assessment-bar');
  if (bar) {
    echarts.init(bar).setOption({
      tooltip: {}, grid: {left: 40, right: 10, top: 20, bottom: 30},
      xAxis: {type: 'category', data: data.names},
      yAxis: {type: 'value', max: 100},
      series: [{type: 'bar', data: data.totals, itemStyle: {color: '#8b1a1a'}}]
    });
  }
  var radarEl = document.getElementById('assessment-radar');
  var picker = document.getElementById('radar-township');
  if (!radarEl || !picker) return;
  var radar = echarts.init(radarEl);
  function draw() {
    var name = picker.value;
    radar.setOption({
      tooltip: {},
      radar: {indicator: data.axes, radius: '62%'},
      series: [{type: 'radar', data: [{name: name, value: data.parts[name] || []}]}]
    });
  }
  picker.addEventListener('change', draw);
  draw();
})();
