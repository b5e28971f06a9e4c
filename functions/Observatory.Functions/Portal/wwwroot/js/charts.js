// Charts of the open data with Chart.js (bundled with the portal: vendor/chart.umd.min.js, loaded before this module).
// A suppressed cell has no value: it is drawn as a hatched, labelled mark on the axis, never as a bar of zero height
// that a reader could take for a count of none.

const Chart = globalThis.Chart;

/** Colours with enough contrast on white, told apart without relying on hue alone (the legend names them). */
export const palette = ['#1d5f8a', '#b4531a', '#2f7a3a', '#6d4a9c', '#8a6d00', '#a4324f', '#246b6b', '#555555'];

function hatchPattern(context) {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const pen = tile.getContext('2d');
  pen.strokeStyle = '#5c5c5c';
  pen.lineWidth = 1.5;
  pen.beginPath();
  pen.moveTo(-2, 10);
  pen.lineTo(10, -2);
  pen.moveTo(6, 10);
  pen.lineTo(10, 6);
  pen.moveTo(-2, 2);
  pen.lineTo(2, -2);
  pen.stroke();
  return context.createPattern(tile, 'repeat');
}

/**
 * Draws, for every data point a dataset marks in its `suppressed` array, a hatched box outlined in the dataset's
 * colour, standing on the value axis's zero, with the word for "suppressed" above it (once per category). Boxes of
 * several datasets at one category of a line chart stand side by side. The marks drawn are listed in
 * chart.$suppressedMarks, so that they can be checked.
 */
const suppressedMarks = {
  id: 'suppressedMarks',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea, scales } = chart;
    const zero = Math.min(scales.y.getPixelForValue(0), chartArea.bottom);
    const height = 22;
    const isLine = chart.config.type === 'line';
    const labelled = new Set();
    chart.$suppressedMarks = [];
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      if (!chart.isDatasetVisible(datasetIndex)) return;
      const meta = chart.getDatasetMeta(datasetIndex);
      (dataset.suppressed ?? []).forEach((isSuppressed, index) => {
        if (!isSuppressed) return;
        const element = meta.data[index];
        const slot = Number.isFinite(element?.x) ? element.x : scales.x.getPixelForValue(index);
        const width = isLine ? 12 : Math.max(10, Math.min(Number.isFinite(element?.width) ? element.width : 24, 48));
        const marksHere = isLine ? chart.data.datasets.filter((d, i) => chart.isDatasetVisible(i) && d.suppressed?.[index]) : [dataset];
        const order = marksHere.indexOf(dataset);
        const span = marksHere.length * width + (marksHere.length - 1) * 2;
        // Kept inside the plot, so that a mark at either end of a line chart is not cut in half.
        const first = Math.min(Math.max(slot - span / 2, chartArea.left + 1), chartArea.right - span - 1);
        const left = first + order * (width + 2);
        const top = zero - height;
        chart.$suppressedMarks.push({ datasetIndex, index, left, top, width, height });

        ctx.save();
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(left, top, width, height);
        ctx.fillStyle = hatchPattern(ctx);
        ctx.fillRect(left, top, width, height);
        ctx.setLineDash([3, 2]);
        ctx.strokeStyle = dataset.borderColor ?? '#333333';
        ctx.lineWidth = 1.5;
        ctx.strokeRect(left + 0.75, top + 0.75, width - 1.5, height - 1.5);
        ctx.restore();

        if (labelled.has(index)) return;
        labelled.add(index);
        ctx.save();
        ctx.fillStyle = '#222222';
        ctx.font = '11px system-ui, sans-serif';
        const label = options.label ?? 'suppressed';
        const textWidth = ctx.measureText(label).width;
        const centre = Math.min(Math.max(first + span / 2, chartArea.left + textWidth / 2), chartArea.right - textWidth / 2);
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.fillText(label, centre, top - 3);
        ctx.restore();
      });
    });
  },
};

/**
 * Draws a chart on a canvas (replacing any chart already there).
 * type 'bar' or 'line'; labels: the categories; datasets: [{ label, data (numbers or null), suppressed (booleans) }].
 * description: the text alternative, given to the canvas as its accessible name.
 */
export function drawChart(canvas, { type, labels, datasets, yTitle, suppressedLabel, formatValue, description, language }) {
  Chart.getChart(canvas)?.destroy();
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', description);
  canvas.textContent = description;
  return new Chart(canvas, {
    type,
    data: {
      labels,
      datasets: datasets.map((dataset, index) => ({
        ...dataset,
        backgroundColor: palette[index % palette.length],
        borderColor: palette[index % palette.length],
        borderWidth: type === 'line' ? 2 : 0,
        pointRadius: type === 'line' ? 4 : undefined,
        spanGaps: false,
      })),
    },
    options: {
      locale: language,
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: datasets.length > 1, position: 'bottom' },
        tooltip: { callbacks: { label: item => `${item.dataset.label}: ${formatValue(item.raw)}` } },
        suppressedMarks: { label: suppressedLabel },
      },
      scales: {
        x: { ticks: { autoSkip: false, maxRotation: 60 } },
        y: { beginAtZero: true, title: { display: Boolean(yTitle), text: yTitle }, ticks: { callback: value => formatValue(value) } },
      },
    },
    plugins: [suppressedMarks],
  });
}
