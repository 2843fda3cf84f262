// TallyStats: placeholder until its stage lands.
