// The county comparison: one figure, every township, as bars.
(function () {
  var el = document.getElementById('compare-chart');
  if (!el || !window.echarts) return;
  var data = JSON.parse(document.getElementById('compare-data').textContent);
  echarts.init(el).setOption({
    tooltip: {}, grid: {left: 40, right: 10, top: 20, bottom: 30},
    xAxis: {type: 'category', data: data.map(function (d) { return d.name; })},
    yAxis: {type: 'value'},
    series: [{type: 'bar', data: data.map(function (d) { return d.value; }), itemStyle: {color: '#8b1a1a'}}]
  });
})();
