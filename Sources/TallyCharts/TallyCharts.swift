// TallyCharts: placeholder until its stage lands.
