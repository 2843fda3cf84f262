// TallySpec: placeholder until its stage lands.
