// TallyStats: pure mathematics on arrays of numbers (knows nothing of Tables or Specs).
