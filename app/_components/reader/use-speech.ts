import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Reading Chinese aloud with the browser's own speech synthesis: nothing leaves the machine and
 * nothing is downloaded. Offered only where the system has a Chinese voice (most phones and
 * desktops do; a bare Linux Chromium does not), so there is never a button that stays silent.
 */
export function useChineseVoice(lang: string): SpeechSynthesisVoice | null {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  useEffect(() => {
    if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
    const synth = window.speechSynthesis;
    const wanted = lang === 'zh-Hant' ? ['zh-TW', 'zh-HK'] : ['zh-CN'];
    const pick = () => {
      const voices = synth.getVoices().filter((v) => /^(zh|cmn)\b/i.test(v.lang.replace('_', '-')));
      setVoice(voices.find((v) => wanted.some((w) => v.lang.replace('_', '-').startsWith(w))) ?? voices[0] ?? null);
    };
    pick();
    synth.addEventListener('voiceschanged', pick);
    return () => synth.removeEventListener('voiceschanged', pick);
  }, [lang]);
  return voice;
}

/** Reads a list of sentences one after another; `speaking` is the index being read. */
export function useSpeaker(voice: SpeechSynthesisVoice | null) {
  const [speaking, setSpeaking] = useState<{ key: number; sentence: number } | null>(null);
  const run = useRef(0);

  const stop = useCallback(() => {
    run.current++;
    if (typeof window !== 'undefined' && 'speechSynthesis' in window) window.speechSynthesis.cancel();
    setSpeaking(null);
  }, []);

  const speak = useCallback(
    (key: number, sentences: ReadonlyArray<{ index: number; text: string }>) => {
      if (!voice || sentences.length === 0) return;
      const synth = window.speechSynthesis;
      synth.cancel();
      const id = ++run.current;
      sentences.forEach(({ index, text }, i) => {
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = 0.9;
        utterance.onstart = () => {
          if (run.current === id) setSpeaking({ key, sentence: index });
        };
        utterance.onend = () => {
          if (run.current === id && i === sentences.length - 1) setSpeaking(null);
        };
        utterance.onerror = () => {
          if (run.current === id) setSpeaking(null);
        };
        synth.speak(utterance);
      });
      setSpeaking({ key, sentence: sentences[0]!.index });
    },
    [voice],
  );

  useEffect(() => stop, [stop]);
  return { speaking, speak, stop };
}
