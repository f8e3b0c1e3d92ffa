// Charts of the dashboard, drawn from the data-chart JSON the server renders next to each canvas.
// Every chart has the same numbers in a table or tiles beside it; clicking a bar, point or slice
// opens the tasks behind it, like the numbers do.
(function () {
  'use strict';
  const css = getComputedStyle(document.documentElement);
  const colour = (name) => css.getPropertyValue('--s-' + name).trim() || '#5a6270';

  function draw(canvas) {
    if (canvas.chart) canvas.chart.destroy();
    const spec = JSON.parse(canvas.dataset.chart);
    const open = (links) => (event, elements) => {
      if (!links || elements.length === 0) return;
      const url = links[elements[0].index];
      if (url) window.location.href = url;
    };
    // On a phone the legend goes under the doughnut: beside it, it squeezed the chart to a sliver.
    const narrow = window.matchMedia('(max-width: 720px)').matches;
    let config;
    if (spec.type === 'doughnut') {
      config = {
        type: 'doughnut',
        data: { labels: spec.labels, datasets: [{ data: spec.values, backgroundColor: spec.colors.map(colour), borderWidth: 1 }] },
        options: { maintainAspectRatio: false, animation: false, onClick: open(spec.links), plugins: { legend: { position: narrow ? 'bottom' : 'right' } } },
      };
    } else {
      const share = spec.type === 'share';
      config = {
        data: {
          labels: spec.labels,
          datasets: spec.series.map((s) => ({
            type: s.kind, label: s.label, data: s.values, backgroundColor: colour(s.color), borderColor: colour(s.color),
            stack: s.kind === 'bar' ? 'done' : undefined, tension: 0.2, spanGaps: true, pointRadius: 4,
          })),
        },
        options: {
          maintainAspectRatio: false, animation: false,
          onClick: (event, elements, chart) => {
            if (elements.length === 0) return;
            const s = spec.series[elements[0].datasetIndex];
            if (s.links && s.links[elements[0].index]) window.location.href = s.links[elements[0].index];
          },
          scales: {
            x: { stacked: true },
            y: share ? { min: 0, max: 100, ticks: { callback: (v) => v + '%' } } : { beginAtZero: true, ticks: { precision: 0 } },
          },
          plugins: { legend: { position: 'bottom' } },
        },
      };
    }
    canvas.chart = new Chart(canvas, config);
  }

  function drawAll(root) {
    if (typeof Chart === 'undefined') return;
    root.querySelectorAll('canvas[data-chart]').forEach(draw);
  }

  document.addEventListener('DOMContentLoaded', () => drawAll(document));
  // htmx swapped in a new dashboard (filters) or a part of it.
  document.addEventListener('htmx:afterSettle', (e) => drawAll(e.target));
  document.addEventListener('click', (e) => {
    if (e.target.closest('[data-print]')) window.print();
  });
  // Charts are redrawn at the printed width so they fit A4.
  window.addEventListener('beforeprint', () => { for (const id in Chart.instances) Chart.instances[id].resize(); });
  window.addEventListener('afterprint', () => { for (const id in Chart.instances) Chart.instances[id].resize(); });
})();
