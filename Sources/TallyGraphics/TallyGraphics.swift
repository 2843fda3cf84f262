// TallyGraphics: placeholder until its stage lands.
