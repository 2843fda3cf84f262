// TallyLayout: placeholder until its stage lands.
